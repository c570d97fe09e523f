/*
 * How every screen names an interop instance, in the page: pages/app_names.py's `app_name`, the same rule.
 *
 * An instance is what glue reports for a server, a caller or `executed_by`: {application, instance}
 * (io.Connect Desktop also says `applicationName`). Its name is the first of application, applicationName
 * and instance that is a string with more than white space, trimmed; else "unknown app". Dash's passing title,
 * "Updating..." optionally followed by glue's " (uid)", is what an app with no name and none of our scripts joins
 * the bus as: it reads "unnamed Dash app (uid)".
 * tests/unit/test_app_names.py runs both versions on the same samples.
 */
(function () {
    "use strict";

    var UNKNOWN_APP = "unknown app";
    var UNNAMED_DASH_APP = "unnamed Dash app";
    var NAME_KEYS = ["application", "applicationName", "instance"];
    var PASSING_TITLE = /^Updating\.\.\.(?: \(([^()]*)\))?$/; // Dash's default update_title, and glue's " (uid)"
    // What Python's str.strip() removes, which is not quite JavaScript's trim(): Python also strips \x1c-\x1f and
    // \x85, and keeps \ufeff.
    var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
    var EDGES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");

    /* The name, unless it is Dash's passing title: then "unnamed Dash app", with the uid glue added. */
    function readable(name) {
        var passing = PASSING_TITLE.exec(name);
        if (!passing) {
            return name;
        }
        return passing[1] ? UNNAMED_DASH_APP + " (" + passing[1] + ")" : UNNAMED_DASH_APP;
    }

    window.ioConnectAppName = function (instance) {
        if (!instance || typeof instance !== "object" || Array.isArray(instance)) {
            return UNKNOWN_APP;
        }
        for (var i = 0; i < NAME_KEYS.length; i += 1) {
            var value = instance[NAME_KEYS[i]];
            var name = typeof value === "string" ? value.replace(EDGES, "") : "";
            if (name) {
                return readable(name);
            }
        }
        return UNKNOWN_APP;
    };
})();
