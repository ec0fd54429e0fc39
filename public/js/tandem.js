// Tandem's only script, loaded as <script type="module" src="/static/js/tandem.js">
// at the end of <body> (the CSP forbids inline script, so the class that
// govuk-frontend's template sets with an inline script is set here).
// Everything works without it; it adds govuk-frontend's behaviours (skip link
// focus, service navigation menu toggle on small screens, error summary focus, ...).
import { initAll } from '/static/vendor/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
