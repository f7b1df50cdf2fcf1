/* Dropout Scaling Explorer, for host pages: keeps each embedded iframe as tall as its content. */
(function () {
  if (window.dropoutExplorerHost) return;
  window.dropoutExplorerHost = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'dropout-explorer:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 100000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
