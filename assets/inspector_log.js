/*
 * The Inspector's log grid (pages/inspector_log.py), the functions dash-ag-grid calls by name
 * (window.dashAgGridFunctions): its own CSV export runs each cell through guardCsvCell, and its Time column
 * sorts by byStartTime.
 */
(function () {
    "use strict";

    var FORMULA_STARTS = window.ioConnectShared.CSV_FORMULA_STARTS; // ids.py

    /*
     * A cell of the CSV export as a spreadsheet shows it, as text: the cells come from other apps, and a
     * spreadsheet runs one that starts with = + - @, a tab or a carriage return as a formula (OWASP, "CSV
     * Injection"), so such a cell gets a leading apostrophe. Numbers (the round trip) stay numbers.
     */
    function guardCsvCell(params) {
        var value = params.value;
        if (value === null || value === undefined) {
            return "";
        }
        if (typeof value !== "string") {
            return value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /*
     * The Time column's order: by each row's start, date included (its cells show the clock only). Rows come
     * as transactions, which add a row at the end: the sort puts it where it belongs.
     */
    function byStartTime(valueA, valueB, nodeA, nodeB) {
        var a = (nodeA && nodeA.data && nodeA.data.start_iso) || "";
        var b = (nodeB && nodeB.data && nodeB.data.start_iso) || "";
        return a < b ? -1 : a > b ? 1 : 0;
    }

    window.dashAgGridFunctions = Object.assign({}, window.dashAgGridFunctions, {
        guardCsvCell: guardCsvCell,
        byStartTime: byStartTime
    });
})();
