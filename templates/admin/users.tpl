{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
</ol>
</nav>
<h1 class="govuk-heading-l">People</h1>
<a class="govuk-button" href="/admin/users/new" role="button" draggable="false">Add a person</a>
<form method="get" action="/admin/users" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="q">Search</label>
<div id="q-hint" class="govuk-hint">Part of a username, name or email address</div>
<input class="govuk-input" id="q" name="q" type="search" value="{{Q}}" maxlength="100" spellcheck="false" aria-describedby="q-hint">
</div>
</div>
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="status">Status</label>
<div id="status-hint" class="govuk-hint">Active or suspended</div>
<select class="govuk-select govuk-!-width-full" id="status" name="status" aria-describedby="status-hint">
<option value="">Any status</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-quarter">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="role">Role</label>
<div id="role-hint" class="govuk-hint">People with this role</div>
<select class="govuk-select govuk-!-width-full" id="role" name="role" aria-describedby="role-hint">
<option value="">Any role</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}
</select>
</div>
</div>
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--secondary">Search</button>
{{#FILTERED}}<a class="govuk-link" href="/admin/users">Clear search and filters</a>{{/FILTERED}}
</div>
</form>
{{#RESULTS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="users-caption" tabindex="0">
<table class="govuk-table">
<caption id="users-caption" class="govuk-table__caption govuk-table__caption--m">{{TOTAL}}{{#FILTERED}} found{{/FILTERED}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Username</th>
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Roles</th>
<th scope="col" class="govuk-table__header">Department</th>
<th scope="col" class="govuk-table__header">Status</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
</tr>
</thead>
<tbody class="govuk-table__body">
{{#USER}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/admin/users/{{ID}}">{{USERNAME}}</a></th>
<td class="govuk-table__cell">{{DISPLAY_NAME}}</td>
<td class="govuk-table__cell">{{ROLES}}</td>
<td class="govuk-table__cell tandem-break-anywhere">{{DEPARTMENT}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#SUSPENDED}}<strong class="govuk-tag govuk-tag--red">Suspended</strong>{{/SUSPENDED}}</td>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
</tr>
{{/USER}}
</tbody>
</table>
</div>
{{/RESULTS}}
{{#NO_MATCH}}<p class="govuk-body">No one matches. Check the spelling, or clear the search and filters.</p>{{/NO_MATCH}}
{{#NO_RESULTS}}<p class="govuk-body">There is no one here yet.</p>{{/NO_RESULTS}}
{{#PAST_END}}<p class="govuk-body">There are only {{TOTAL}}, on fewer pages than that. <a class="govuk-link" href="/admin/users">Go to the first page</a>.</p>{{/PAST_END}}
{{>PAGINATION}}
