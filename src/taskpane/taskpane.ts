/** Entry of the task pane page, which is also the shared runtime of the custom functions. */
Office.onReady(() => {
  const app = document.getElementById("app");
  if (app) app.querySelector("p")!.textContent = "Klaar. Typ =GGZ.POH_COMPENSATIE(8) in een cel.";
});
