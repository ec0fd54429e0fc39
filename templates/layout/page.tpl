{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{{PAGE_TITLE}} – Tandem</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5d5e">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/vendor/tandem.css">
{{#ALTERNATE}}<link rel="alternate" type="application/atom+xml" title="{{TITLE}}" href="{{HREF}}">
{{/ALTERNATE}}</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-template__header">
<section aria-label="Service information" class="govuk-service-navigation govuk-service-navigation--inverse">
<div class="govuk-width-container tandem-header">
<div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">Tandem</a></span>
<nav aria-label="Menu" class="govuk-service-navigation__wrapper tandem-nav">
{{! On a phone the navigation folds into this menu (no script needed); from
    tablet width the summary is hidden and the lists show as a bar: the
    sections on a line of their own, the person's own links beside the
    service name (tandem.scss, .tandem-nav). }}
<details class="tandem-nav__menu">
<summary class="govuk-service-navigation__toggle tandem-nav__toggle">Menu</summary>
<ul class="govuk-service-navigation__list tandem-nav__sections">
{{#NAV_ITEM}}
<li class="govuk-service-navigation__item{{#CURRENT}} govuk-service-navigation__item--active{{/CURRENT}}"><a class="govuk-service-navigation__link" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV_ITEM}}
</ul>
<ul class="govuk-service-navigation__list tandem-nav__own">
{{#NOTIFICATIONS}}
<li class="govuk-service-navigation__item{{#CURRENT}} govuk-service-navigation__item--active{{/CURRENT}}"><a class="govuk-service-navigation__link" href="/notifications"{{#CURRENT}} aria-current="page"{{/CURRENT}}>Notifications{{#UNREAD}} <span class="tandem-count">{{N}}<span class="govuk-visually-hidden"> unread</span></span>{{/UNREAD}}</a></li>
{{/NOTIFICATIONS}}
{{#OWN_ITEM}}
<li class="govuk-service-navigation__item{{#CURRENT}} govuk-service-navigation__item--active{{/CURRENT}}"><a class="govuk-service-navigation__link" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/OWN_ITEM}}
{{#VISITOR}}
<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/login">Sign in</a></li>
{{/VISITOR}}
{{#SIGNED_IN}}
<li class="govuk-service-navigation__item">
<form method="post" action="/logout" class="tandem-signout">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-service-navigation__link tandem-signout__button">Sign out<span class="govuk-visually-hidden"> {{DISPLAY_NAME}}</span></button>
</form>
</li>
{{/SIGNED_IN}}
</ul>
</details>
</nav>
</div>
</div>
</section>
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content" tabindex="-1">
{{>CONTENT}}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/">Home</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/healthz">Service status</a></li>
</ul>
<p class="govuk-body-s">Tandem: portfolios, negotiated learning plans, mentoring and student voice for further-education colleges.</p>
</div>
{{#SIGNED_IN}}<div class="govuk-footer__meta-item">Signed in as {{DISPLAY_NAME}} ({{USERNAME}})</div>{{/SIGNED_IN}}
</div>
</div>
</footer>
<script type="module" src="/static/js/tandem.js"></script>
</body>
</html>
