{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin/users">People</a></li>
</ol>
</nav>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">{{TITLE}}</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#RESET_LINK}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">{{HEADING}}</p>
<p class="govuk-body">Send {{NAME}} this link so they can choose a password. It works once and expires in 24 hours. Copy it now: Tandem will not show it again.</p>
<div class="govuk-form-group govuk-!-margin-bottom-2">
<label class="govuk-label govuk-label--s" for="reset-link">Password reset link</label>
<textarea class="govuk-textarea govuk-!-margin-bottom-0" id="reset-link" rows="2" readonly spellcheck="false">{{URL}}</textarea>
</div>
</div>
</div>
{{/RESET_LINK}}
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<span class="govuk-caption-l">{{COLLEGE}}</span>
<h1 class="govuk-heading-l">{{NAME}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Username</dt>
<dd class="govuk-summary-list__value">{{USERNAME}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Status</dt>
<dd class="govuk-summary-list__value">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#SUSPENDED}}<strong class="govuk-tag govuk-tag--red">Suspended</strong>{{/SUSPENDED}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Email address</dt>
<dd class="govuk-summary-list__value govuk-!-text-break-word">{{SAVED_EMAIL}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Roles</dt>
<dd class="govuk-summary-list__value">{{SAVED_ROLES}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Line manager</dt>
<dd class="govuk-summary-list__value">{{#SAVED_MANAGER}}{{NAME}} ({{USERNAME}}){{/SAVED_MANAGER}}{{#NO_MANAGER}}None{{/NO_MANAGER}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Department</dt>
<dd class="govuk-summary-list__value govuk-!-text-break-word">{{#SAVED_DEPARTMENT}}{{NAME}}{{/SAVED_DEPARTMENT}}{{#NO_DEPARTMENT}}Not given{{/NO_DEPARTMENT}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Cohorts</dt>
<dd class="govuk-summary-list__value">
{{#NO_COHORTS}}None{{/NO_COHORTS}}
<ul class="govuk-list">
{{#COHORT}}<li><a class="govuk-link" href="/admin/cohorts/{{ID}}">{{CODE}}</a> {{NAME}} ({{ROLES}})</li>
{{/COHORT}}
</ul>
</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Last signed in</dt>
<dd class="govuk-summary-list__value">{{#LAST_SIGN_IN}}{{AT}}{{/LAST_SIGN_IN}}{{#NEVER_SIGNED_IN}}Not yet{{/NEVER_SIGNED_IN}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Account created</dt>
<dd class="govuk-summary-list__value">{{CREATED}}</dd>
</div>
</dl>
{{#READ_ONLY}}
<div class="govuk-inset-text">This is a site administrator's account: only a site administrator can change it.</div>
{{/READ_ONLY}}
{{#CHANGE}}
<h2 class="govuk-heading-m">Change details</h2>
<form method="post" action="/admin/users/{{ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{>FIELDS}}
<button type="submit" class="govuk-button">Save changes</button>
</form>
<h2 class="govuk-heading-m">Access</h2>
<h3 class="govuk-heading-s">Password</h3>
<p class="govuk-body">Tandem never shows passwords. A reset link lets {{NAME}} choose a new one; it works once and expires in 24 hours.</p>
<form method="post" action="/admin/users/{{ID}}/reset-link" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary">Create a password reset link</button>
</form>
{{#MAY_EMAIL_LINK}}
<p class="govuk-body">Or Tandem can email {{NAME}} a link of their own, to {{SAVED_EMAIL}}.</p>
<form method="post" action="/admin/users/{{ID}}/email-link" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary">Email {{NAME}} a password link</button>
</form>
{{/MAY_EMAIL_LINK}}
{{#MAY_SUSPEND}}
<h3 class="govuk-heading-s">Suspend the account</h3>
<p class="govuk-body">{{NAME}} will be signed out everywhere at once and will not be able to sign in until the account is reactivated. Nothing they have made is deleted.</p>
<a href="/admin/users/{{ID}}/suspend" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">Suspend account</a>
{{/MAY_SUSPEND}}
{{#MAY_REACTIVATE}}
<h3 class="govuk-heading-s">Reactivate the account</h3>
<p class="govuk-body">{{NAME}} will be able to sign in again with their password.</p>
<form method="post" action="/admin/users/{{ID}}/reactivate" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button">Reactivate account</button>
</form>
{{/MAY_REACTIVATE}}
{{#SELF}}
<p class="govuk-body">This is your own account. Another administrator can suspend it if needed.</p>
{{/SELF}}
{{/CHANGE}}
</div>
</div>
