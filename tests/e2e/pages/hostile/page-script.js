// The page's own script on every hostile page: the tests click its button to prove the page still works.
document.getElementById('page-button').addEventListener('click', () => {
  window.pageClicks = (window.pageClicks || 0) + 1;
  document.getElementById('page-status').textContent = 'page script works ' + window.pageClicks;
});
document.getElementById('page-status').textContent = 'page script ready';
