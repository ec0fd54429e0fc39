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
<h1 class="govuk-heading-l">Colleges</h1>
<div class="tandem-table-scroll" role="region" aria-labelledby="institutions-caption" tabindex="0">
<table class="govuk-table">
<caption id="institutions-caption" class="govuk-table__caption govuk-table__caption--m">Colleges on this Tandem</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Short name</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">People</th>
<th scope="col" class="govuk-table__header">Added</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#INSTITUTION}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{NAME}}{{#DEMO}} <strong class="govuk-tag govuk-tag--grey">Demo</strong>{{/DEMO}}</th>
<td class="govuk-table__cell">{{SLUG}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{PEOPLE}}</td>
<td class="govuk-table__cell">{{CREATED}}</td>
</tr>
{{/INSTITUTION}}
</tbody>
</table>
</div>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">Add a college</h2>
<form method="post" action="/admin/institutions" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" value="{{NAME}}" maxlength="200"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#SLUG_ERROR}} govuk-form-group--error{{/SLUG_ERROR}}">
<label class="govuk-label govuk-label--s" for="slug">Short name</label>
<div id="slug-hint" class="govuk-hint">Lower-case letters, digits and hyphens, for example riverside. It cannot be changed later.</div>
{{#SLUG_ERROR}}<p id="slug-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SLUG_ERROR}}
<input class="govuk-input govuk-input--width-20{{#SLUG_ERROR}} govuk-input--error{{/SLUG_ERROR}}" id="slug" name="slug" type="text" value="{{SLUG}}" maxlength="40" spellcheck="false" autocapitalize="none" aria-describedby="slug-hint{{#SLUG_ERROR}} slug-error{{/SLUG_ERROR}}">
</div>
<button type="submit" class="govuk-button">Add college</button>
</form>
</div>
</div>
