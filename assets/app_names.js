/*
 * How every screen names an interop instance, in the page: pages/app_names.py's `app_name`, the same rule.
 *
 * An instance is what glue reports for a server, a caller or `executed_by`: {application, instance}
 * (io.Connect Desktop also says `applicationName`). Its name is the first of application, applicationName
 * and instance that is a string with more than white space, trimmed; else "unknown app".
 * tests/unit/test_app_names.py runs both versions on the same samples.
 */
(function () {
    "use strict";

    var UNKNOWN_APP = "unknown app";
    var NAME_KEYS = ["application", "applicationName", "instance"];
    // What Python's str.strip() removes, which is not quite JavaScript's trim(): Python also strips \x1c-\x1f and
    // \x85, and keeps \ufeff.
    var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
    var EDGES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");

    window.ioConnectAppName = function (instance) {
        if (!instance || typeof instance !== "object" || Array.isArray(instance)) {
            return UNKNOWN_APP;
        }
        for (var i = 0; i < NAME_KEYS.length; i += 1) {
            var value = instance[NAME_KEYS[i]];
            var name = typeof value === "string" ? value.replace(EDGES, "") : "";
            if (name) {
                return name;
            }
        }
        return UNKNOWN_APP;
    };
})();
