// Saves a CPD record draft in the background while the member types (progressive enhancement:
// without this script the form still saves drafts and keeps every field on a validation error).
(() => {
    const form = document.querySelector("form[data-autosave-url]");
    if (!form || !window.fetch || !window.FormData) return;
    const status = form.querySelector("[data-autosave-status]");
    const DELAY_MS = 4000;
    let timer = null;
    let inflight = null;

    const say = (text) => { if (status) status.textContent = text; };

    async function save() {
        timer = null;
        const title = form.elements.namedItem("title");
        if (!title || !title.value.trim()) {
            say("Add a title and your draft will be saved automatically.");
            return;
        }
        const data = new FormData(form);
        data.set("action", "draft");
        try {
            const response = await fetch(form.dataset.autosaveUrl, {
                method: "POST", body: data, credentials: "same-origin",
                headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
            });
            const body = await response.json();
            if (body.saved) {
                if (body.autosave_url !== form.dataset.autosaveUrl) {
                    // The first save made the draft: from now on, save and submit update it.
                    form.dataset.autosaveUrl = body.autosave_url;
                    form.action = body.edit_url;
                    window.history.replaceState(null, "", body.edit_url);
                }
                say(`Draft saved automatically at ${body.saved_at}.`);
            } else if (body.errors) {
                const first = Object.values(body.errors)[0];
                say(`Not saved automatically yet: ${first && first[0] ? first[0].message : "check the form"}`);
            } else {
                say(body.message || "");
            }
        } catch (error) {
            say("Could not save automatically. Your text is still here: use “Save as draft”.");
        }
    }

    function schedule() {
        if (timer) window.clearTimeout(timer);
        timer = window.setTimeout(() => { inflight = save().finally(() => { inflight = null; }); }, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", (event) => {
        if (timer) { window.clearTimeout(timer); timer = null; }
        if (inflight) {
            // Let a background save that may be creating the draft finish first, so one
            // record is made, then send the form with the button that was pressed.
            event.preventDefault();
            const submitter = event.submitter;
            inflight.then(() => form.requestSubmit(submitter));
        }
    });
})();
