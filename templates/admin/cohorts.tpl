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
<h1 class="govuk-heading-l">Cohorts</h1>
{{#HAS_COHORTS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="cohorts-caption" tabindex="0">
<table class="govuk-table">
<caption id="cohorts-caption" class="govuk-table__caption govuk-table__caption--m">Teaching groups</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Course</th>
<th scope="col" class="govuk-table__header">Year</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Members</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#COHORT}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/admin/cohorts/{{ID}}">{{CODE}}</a></th>
<td class="govuk-table__cell">{{NAME}}</td>
<td class="govuk-table__cell">{{COURSE}}</td>
<td class="govuk-table__cell">{{YEAR}}</td>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
<td class="govuk-table__cell govuk-table__cell--numeric">{{MEMBERS}}</td>
</tr>
{{/COHORT}}
</tbody>
</table>
</div>
{{/HAS_COHORTS}}
{{#NO_COHORTS}}<p class="govuk-body">There are no cohorts yet.</p>{{/NO_COHORTS}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">Add a cohort</h2>
{{#NO_COURSES}}<p class="govuk-body">A cohort belongs to a course. <a class="govuk-link" href="/admin/courses">Add a course</a> first.</p>{{/NO_COURSES}}
{{#HAS_COURSES}}
<form method="post" action="/admin/cohorts" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#COURSE_ID_ERROR}} govuk-form-group--error{{/COURSE_ID_ERROR}}">
<label class="govuk-label govuk-label--s" for="course_id">Course</label>
{{#COURSE_ID_ERROR}}<p id="course_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/COURSE_ID_ERROR}}
<select class="govuk-select govuk-!-width-full{{#COURSE_ID_ERROR}} govuk-select--error{{/COURSE_ID_ERROR}}" id="course_id" name="course_id"{{#COURSE_ID_ERROR}} aria-describedby="course_id-error"{{/COURSE_ID_ERROR}}>
<option value="">Choose a course</option>
{{#COURSE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COURSE_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Cohort code</label>
<div id="code-hint" class="govuk-hint">Up to 40 letters, digits and / . _ - characters, for example ENG3-A</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" value="{{CODE}}" maxlength="40" spellcheck="false" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Cohort name</label>
<div id="name-hint" class="govuk-hint">For example, Engineering Level 3, group A</div>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" value="{{NAME}}" maxlength="200" aria-describedby="name-hint{{#NAME_ERROR}} name-error{{/NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#ACADEMIC_YEAR_ERROR}} govuk-form-group--error{{/ACADEMIC_YEAR_ERROR}}">
<label class="govuk-label govuk-label--s" for="academic_year">Academic year</label>
<div id="academic_year-hint" class="govuk-hint">For example, 2026/27</div>
{{#ACADEMIC_YEAR_ERROR}}<p id="academic_year-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ACADEMIC_YEAR_ERROR}}
<input class="govuk-input govuk-input--width-5{{#ACADEMIC_YEAR_ERROR}} govuk-input--error{{/ACADEMIC_YEAR_ERROR}}" id="academic_year" name="academic_year" type="text" value="{{YEAR}}" maxlength="7" spellcheck="false" aria-describedby="academic_year-hint{{#ACADEMIC_YEAR_ERROR}} academic_year-error{{/ACADEMIC_YEAR_ERROR}}">
</div>
<button type="submit" class="govuk-button">Add cohort</button>
</form>
{{/HAS_COURSES}}
</div>
</div>
