{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#PASSWORD_SET}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your password is set. Sign in with it now.</p></div>
</div>
{{/PASSWORD_SET}}
{{#FORM_KEPT}}
<div class="govuk-notification-banner" role="region" aria-labelledby="kept-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="kept-title">Important</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You were signed out before what you sent arrived. Sign in again: what you wrote has been kept, and you can send it on.</p></div>
</div>
{{/FORM_KEPT}}
<h1 class="govuk-heading-l">Sign in to Tandem</h1>
{{#SSO}}
<p class="govuk-body">{{COLLEGE}} signs you in to Tandem with your college account.</p>
<a href="{{HREF}}" id="sso" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Sign in with {{NAME}}<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
{{#OR_PASSWORD}}<h2 class="govuk-heading-m">Or use your Tandem password</h2>{{/OR_PASSWORD}}
{{#NO_PASSWORD}}<p class="govuk-body">{{COLLEGE}} has turned off signing in with a Tandem password.</p>{{/NO_PASSWORD}}
{{/SSO}}
{{#PASSWORD_FORM}}
<p class="govuk-body">Use the username and password your college gave you.</p>
<form method="post" action="/login" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="username">Username</label>
<input class="govuk-input govuk-!-width-two-thirds" id="username" name="username" type="text" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="password">Password</label>
<input class="govuk-input govuk-!-width-two-thirds" id="password" name="password" type="password" autocomplete="current-password" required>
</div>
<button type="submit" class="govuk-button">Sign in</button>
</form>
<p class="govuk-body">Forgotten your password? Ask your tutor or your college's Tandem administrator for a new one.</p>
{{/PASSWORD_FORM}}
{{#SSO_FIND}}
<h2 class="govuk-heading-m">Sign in with your college account</h2>
<form method="get" action="/login/sso" novalidate>
<input type="hidden" name="next" value="{{NEXT}}">
<div class="govuk-form-group{{#EMAIL_ERROR}} govuk-form-group--error{{/EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="email">College email address</label>
<div id="email-hint" class="govuk-hint">If your college signs you in with Microsoft, Google or another account of its own, type your college email address and we will take you to it.</div>
{{#EMAIL_ERROR}}<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#EMAIL_ERROR}} govuk-input--error{{/EMAIL_ERROR}}" id="email" name="email" type="email" value="{{EMAIL}}" autocomplete="email" spellcheck="false" aria-describedby="email-hint{{#EMAIL_ERROR}} email-error{{/EMAIL_ERROR}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Continue</button>
</form>
{{/SSO_FIND}}
</div>
</div>
