// Questionnaires: a question asked only after a given answer appears as soon as that answer is
// chosen. Without this script every such question shows, with a note saying when to answer it.
const form = document.querySelector(".survey-form");
if (form) {
  const update = () => {
    for (const fieldset of form.querySelectorAll("[data-show-if]")) {
      const [question, answer] = fieldset.dataset.showIf.split("=");
      const chosen = [...form.querySelectorAll(`[name="q.${question}"]`)].some((input) => (input.type === "radio" || input.type === "checkbox" ? input.checked : input.value) && (input.value === answer));
      fieldset.hidden = !chosen;
    }
  };
  form.addEventListener("change", update);
  update();
}
