// The job page's island: asks for the job's state every two seconds and updates the page; when
// the file is ready, shows the download link. Without it, the "Check again" link does the same.
(() => {
  const root = document.querySelector("[data-job]");
  if (!root) return;
  const bar = root.querySelector("progress");
  const status = root.querySelector("[data-status]");
  const poll = async () => {
    const response = await fetch(`/jobs/${root.dataset.job}`, { headers: { accept: "application/json" } });
    if (!response.ok) return;
    const job = await response.json();
    bar.value = job.progress;
    if (job.status === "done" || job.status === "failed") return location.reload();
    // The step as the server words it in the page's language (the stored message is a code).
    if (job.text) status.textContent = job.text;
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
})();
