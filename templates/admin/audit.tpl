{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
</ol>
</nav>
<h1 class="govuk-heading-l">Audit log</h1>
<p class="govuk-body">Every sign-in and every change to people, courses and cohorts, newest first. It cannot be changed or deleted. The username filter finds events by that person and events about them.</p>
<form method="get" action="/admin/audit" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="action">What happened</label>
<select class="govuk-select govuk-!-width-full" id="action" name="action">
<option value="">Anything</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTION_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="user">Username</label>
<input class="govuk-input" id="user" name="user" type="text" value="{{USER}}" maxlength="64" autocapitalize="none" spellcheck="false">
</div>
</div>
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="from">From (first day)</label>
<input class="govuk-input" id="from" name="from" type="date" value="{{FROM}}">
</div>
</div>
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="to">To (last day)</label>
<input class="govuk-input" id="to" name="to" type="date" value="{{TO}}">
</div>
</div>
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--secondary">Filter</button>
{{#FILTERED}}<a class="govuk-link" href="/admin/audit">Clear filters</a>{{/FILTERED}}
</div>
</form>
{{#RESULTS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
<table class="govuk-table govuk-table--small-text-until-tablet">
<caption id="audit-caption" class="govuk-table__caption govuk-table__caption--m">{{TOTAL}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">Who</th>
<th scope="col" class="govuk-table__header">What</th>
<th scope="col" class="govuk-table__header">Person affected</th>
<th scope="col" class="govuk-table__header">Detail</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
</tr>
</thead>
<tbody class="govuk-table__body">
{{#EVENT}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><time datetime="{{DATETIME}}">{{AT}}</time></td>
<td class="govuk-table__cell">{{#ACTOR}}{{NAME}} <span class="tandem-muted">({{USERNAME}})</span>{{/ACTOR}}{{#NO_ACTOR}}<span class="tandem-muted">{{WHO}}</span>{{/NO_ACTOR}}</td>
<th scope="row" class="govuk-table__header">{{ACTION}}</th>
<td class="govuk-table__cell">{{#TARGET}}<a class="govuk-link" href="/admin/users/{{ID}}">{{NAME}}</a>{{/TARGET}}</td>
<td class="govuk-table__cell govuk-!-text-break-word">{{DETAIL}}<br><span class="tandem-muted">from {{ADDRESS}}</span></td>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
</tr>
{{/EVENT}}
</tbody>
</table>
</div>
{{/RESULTS}}
{{#NO_MATCH}}<p class="govuk-body">Nothing matches these filters.</p>{{/NO_MATCH}}
{{#NO_RESULTS}}<p class="govuk-body">Nothing has been recorded yet.</p>{{/NO_RESULTS}}
{{#PAST_END}}<p class="govuk-body">There are only {{TOTAL}}, on fewer pages than that. <a class="govuk-link" href="/admin/audit">Go to the first page</a>.</p>{{/PAST_END}}
{{>PAGINATION}}
