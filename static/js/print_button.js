// "Print" buttons (data-print-button) open the browser's print dialog. A file, not an onclick
// attribute, because the Content Security Policy (config/csp.py) allows no inline script.
document.querySelectorAll("[data-print-button]").forEach((button) => {
    button.addEventListener("click", () => window.print());
});
