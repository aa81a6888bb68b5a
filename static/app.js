// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to a form's error summary so screen readers announce it.
  const summary = document.getElementById('fehler');
  if (summary) summary.focus();
});
