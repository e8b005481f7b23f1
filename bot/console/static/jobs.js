// Refreshes the broadcast job table every 3 s while a job is still running (our own script).
(function () {
  function tick() {
    var box = document.getElementById("jobs");
    if (!box || box.getAttribute("data-live") !== "1") return;
    fetch(box.getAttribute("data-src"), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var holder = document.createElement("div");
        holder.innerHTML = html;  // our own server-rendered, escaped fragment
        var fresh = holder.querySelector("#jobs");
        if (fresh) box.replaceWith(fresh);
        setTimeout(tick, 3000);
      });
  }
  setTimeout(tick, 3000);
})();
