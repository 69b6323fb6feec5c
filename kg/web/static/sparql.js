/* A small SPARQL 1.1 syntax highlighter (kg's own; no dependencies).
 * KgSparql.tokens(text) -> [{type, text}], KgSparql.highlight(text) -> HTML with
 * <span class="tok-TYPE"> around keywords, functions, variables, IRIs, prefixed names,
 * strings, numbers, comments and punctuation. The tokens cover the text exactly, so the
 * highlighted copy lines up with the textarea it is drawn under. */
(function () {
  "use strict";

  var KEYWORDS = ("BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED FROM NAMED WHERE " +
    "ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING VALUES OPTIONAL UNION MINUS GRAPH SERVICE SILENT " +
    "FILTER BIND AS UNDEF EXISTS NOT IN A TRUE FALSE INSERT DELETE DATA LOAD CLEAR DROP CREATE ADD " +
    "MOVE COPY WITH USING DEFAULT ALL INTO TO SEPARATOR").split(" ");
  var FUNCTIONS = ("STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT " +
    "STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY " +
    "HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF " +
    "STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM " +
    "MIN MAX AVG SAMPLE GROUP_CONCAT").split(" ");
  var KW = {}, FN = {};
  KEYWORDS.forEach(function (k) { KW[k] = true; });
  FUNCTIONS.forEach(function (k) { FN[k] = true; });

  // order matters: the first rule that matches at the current position wins
  var RULES = [
    ["space", /^\s+/],
    ["comment", /^#[^\n\r]*/],
    ["string", /^("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')/],
    ["iri", /^<[^<>"{}|^`\\\x00-\x20]*>/],
    ["variable", /^[?$][A-Za-z0-9_\u00B7-\uFFFF]+/],
    ["langtag", /^@[A-Za-z]+(?:-[A-Za-z0-9]+)*/],
    ["number", /^[+-]?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)/],
    ["pname", /^(?:[A-Za-z][\w\-.]*)?:(?:[\w\-.:%\\]*[\w\-:%])?/],
    ["word", /^[A-Za-z_][\w]*/],
    ["punct", /^(?:\^\^|&&|\|\||!=|<=|>=|[{}()\[\].,;*\/+\-=<>!|^?$])/],
    ["other", /^[\s\S]/]
  ];

  function tokens(text) {
    var out = [], rest = text;
    while (rest.length) {
      for (var i = 0; i < RULES.length; i++) {
        var m = RULES[i][1].exec(rest);
        if (m && m[0].length) {
          var type = RULES[i][0], t = m[0];
          if (type === "word") {
            var up = t.toUpperCase();
            type = KW[up] ? "keyword" : FN[up] ? "function" : "name";
          }
          out.push({ type: type, text: t });
          rest = rest.slice(t.length);
          break;
        }
      }
    }
    return out;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function highlight(text) {
    return tokens(text).map(function (t) {
      var e = escapeHtml(t.text);
      return t.type === "space" || t.type === "other" ? e : '<span class="tok-' + t.type + '">' + e + "</span>";
    }).join("");
  }

  window.KgSparql = { tokens: tokens, highlight: highlight, escapeHtml: escapeHtml };
})();
