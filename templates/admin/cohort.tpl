{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin/cohorts">Cohorts</a></li>
</ol>
</nav>
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
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<span class="govuk-caption-l">{{COLLEGE}}</span>
<h1 class="govuk-heading-l">{{CODE}}: {{NAME}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Course</dt>
<dd class="govuk-summary-list__value">{{COURSE_CODE}}: {{COURSE_TITLE}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Academic year</dt>
<dd class="govuk-summary-list__value">{{YEAR}}</dd>
</div>
</dl>
{{#GROUP}}
{{#HAS_MEMBERS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="members-{{ROLE}}-caption" tabindex="0">
<table class="govuk-table">
<caption id="members-{{ROLE}}-caption" class="govuk-table__caption govuk-table__caption--m">{{HEADING}} ({{COUNT}})</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-!-width-one-half">Name</th>
<th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Username</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#MEMBER}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{DISPLAY_NAME}}{{#SUSPENDED}} <strong class="govuk-tag govuk-tag--red">Suspended</strong>{{/SUSPENDED}}</th>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/users/{{USER_ID}}">{{USERNAME}}</a></td>
<td class="govuk-table__cell govuk-table__cell--numeric">
<form method="post" action="/admin/cohorts/{{ID}}/members/remove" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="user_id" value="{{USER_ID}}">
<input type="hidden" name="role" value="{{ROLE}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Remove<span class="govuk-visually-hidden"> {{DISPLAY_NAME}} as {{SINGULAR}}</span></button>
</form>
</td>
</tr>
{{/MEMBER}}
</tbody>
</table>
</div>
{{/HAS_MEMBERS}}
{{#NO_MEMBERS}}
<h2 class="govuk-heading-m">{{HEADING}} (0)</h2>
<p class="govuk-body">No {{SINGULAR}}s yet.</p>
{{/NO_MEMBERS}}
{{/GROUP}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">Add a member</h2>
<form method="post" action="/admin/cohorts/{{ID}}/members" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#USERNAME_ERROR}} govuk-form-group--error{{/USERNAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="username">Username</label>
<div id="username-hint" class="govuk-hint">Someone at {{COLLEGE}}, for example jack</div>
{{#USERNAME_ERROR}}<p id="username-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/USERNAME_ERROR}}
<input class="govuk-input govuk-input--width-20{{#USERNAME_ERROR}} govuk-input--error{{/USERNAME_ERROR}}" id="username" name="username" type="text" value="{{USERNAME}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="username-hint{{#USERNAME_ERROR}} username-error{{/USERNAME_ERROR}}">
</div>
<div class="govuk-form-group{{#ROLE_ERROR}} govuk-form-group--error{{/ROLE_ERROR}}">
<fieldset class="govuk-fieldset"{{#ROLE_ERROR}} aria-describedby="role-error"{{/ROLE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role in the cohort</legend>
{{#ROLE_ERROR}}<p id="role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ROLE_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
{{#ROLE_CHOICE}}
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="role" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/ROLE_CHOICE}}
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button">Add member</button>
</form>
</div>
</div>
