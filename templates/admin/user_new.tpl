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
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
<span class="govuk-caption-l">{{COLLEGE}}</span>
<h1 class="govuk-heading-l">Add a person</h1>
<p class="govuk-body">Tandem makes a one-time link for them to choose their own password. You will see it once, on the next page, to send to them.</p>
<form method="post" action="/admin/users" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#USERNAME_ERROR}} govuk-form-group--error{{/USERNAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="username">Username</label>
<div id="username-hint" class="govuk-hint">What they sign in with: 2 to 64 lower-case letters, digits, dots, hyphens or underscores. It cannot be changed later.</div>
{{#USERNAME_ERROR}}<p id="username-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/USERNAME_ERROR}}
<input class="govuk-input govuk-input--width-20{{#USERNAME_ERROR}} govuk-input--error{{/USERNAME_ERROR}}" id="username" name="username" type="text" value="{{USERNAME}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="username-hint{{#USERNAME_ERROR}} username-error{{/USERNAME_ERROR}}">
</div>
{{#SITE}}
<div class="govuk-form-group{{#INSTITUTION_ID_ERROR}} govuk-form-group--error{{/INSTITUTION_ID_ERROR}}">
<label class="govuk-label govuk-label--s" for="institution_id">College</label>
{{#INSTITUTION_ID_ERROR}}<p id="institution_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INSTITUTION_ID_ERROR}}
<select class="govuk-select{{#INSTITUTION_ID_ERROR}} govuk-select--error{{/INSTITUTION_ID_ERROR}}" id="institution_id" name="institution_id"{{#INSTITUTION_ID_ERROR}} aria-describedby="institution_id-error"{{/INSTITUTION_ID_ERROR}}>
<option value="">Choose a college</option>
{{#COLLEGES}}{{#COLLEGE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COLLEGE}}{{/COLLEGES}}
</select>
</div>
{{/SITE}}
{{>FIELDS}}
<button type="submit" class="govuk-button">Add person</button>
</form>
</div>
</div>
