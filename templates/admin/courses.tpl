{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
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
<h1 class="govuk-heading-l">Courses</h1>
{{#HAS_COURSES}}
<div class="tandem-table-scroll" role="region" aria-labelledby="courses-caption" tabindex="0">
<table class="govuk-table">
<caption id="courses-caption" class="govuk-table__caption govuk-table__caption--m">Courses taught</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Title</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Cohorts</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#COURSE}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{CODE}}</th>
<td class="govuk-table__cell">{{TITLE}}</td>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
<td class="govuk-table__cell govuk-table__cell--numeric">{{COHORTS}}</td>
</tr>
{{/COURSE}}
</tbody>
</table>
</div>
{{/HAS_COURSES}}
{{#NO_COURSES}}<p class="govuk-body">There are no courses yet. Add the first one below.</p>{{/NO_COURSES}}
<p class="govuk-body"><a class="govuk-link" href="/admin/cohorts">Cohorts on these courses</a></p>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">Add a course</h2>
<form method="post" action="/admin/courses" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
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
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Course code</label>
<div id="code-hint" class="govuk-hint">Up to 40 letters, digits and / . _ - characters, for example BTEC-ENG-L3</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" value="{{CODE}}" maxlength="40" spellcheck="false" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<div class="govuk-form-group{{#TITLE_ERROR}} govuk-form-group--error{{/TITLE_ERROR}}">
<label class="govuk-label govuk-label--s" for="title">Course title</label>
{{#TITLE_ERROR}}<p id="title-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TITLE_ERROR}}
<input class="govuk-input{{#TITLE_ERROR}} govuk-input--error{{/TITLE_ERROR}}" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="title-error"{{/TITLE_ERROR}}>
</div>
<button type="submit" class="govuk-button">Add course</button>
</form>
</div>
</div>
