"use strict";
// Opened at a quote without the #quote fragment (a link from elsewhere): scroll to it all the same.
const quote = document.getElementById("quote");
if (quote && location.hash !== "#quote") quote.scrollIntoView({ block: "center" });
