{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin/leadership">Leadership plans</a></li>
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
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<span class="govuk-caption-l">{{COLLEGE}}</span>
<h1 class="govuk-heading-l tandem-break-anywhere">{{NAME}}</h1>
{{#DESCRIPTION}}<p class="govuk-body">{{TEXT}}</p>{{/DESCRIPTION}}
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">What a result gives</dt>
<dd class="govuk-summary-list__value">{{KIND}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">360-degree feedback</dt>
<dd class="govuk-summary-list__value">{{FEEDBACK}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Results recorded</dt>
<dd class="govuk-summary-list__value">{{RESULTS}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Feedback rounds</dt>
<dd class="govuk-summary-list__value">{{ROUNDS}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Status</dt>
<dd class="govuk-summary-list__value">{{#IN_USE}}In use{{/IN_USE}}{{#ARCHIVED}}<strong class="govuk-tag govuk-tag--grey">Archived</strong>{{/ARCHIVED}}</dd>
</div>
</dl>
<h2 class="govuk-heading-m">Its {{NOUN}}, in order</h2>
<ol class="govuk-list govuk-list--number tandem-break-anywhere" id="items-list">
{{#ITEM}}<li>{{NAME}}</li>
{{/ITEM}}
</ol>
<p class="govuk-body">Its {{NOUN}} cannot be changed or removed: results refer to them.</p>
{{#CLOSED}}<div class="govuk-inset-text">No more can be added. {{WHY}}</div>{{/CLOSED}}
{{#ADD}}
<form method="post" action="/admin/leadership/instruments/{{ID}}/items" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#ITEMS_ERROR}} govuk-form-group--error{{/ITEMS_ERROR}}">
<label class="govuk-label govuk-label--s" for="items">Add {{NOUN}}, one per line</label>
<div id="items-hint" class="govuk-hint">They go after the ones above. Up to 40 in all, each up to 80 characters and different from the others. Results recorded before have no score for them.</div>
{{#ITEMS_ERROR}}<p id="items-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ITEMS_ERROR}}
<textarea class="govuk-textarea{{#ITEMS_ERROR}} govuk-textarea--error{{/ITEMS_ERROR}}" id="items" name="items" rows="4" aria-describedby="items-hint{{#ITEMS_ERROR}} items-error{{/ITEMS_ERROR}}">{{ITEMS:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Add {{NOUN}}</button>
</form>
{{/ADD}}
</div>
</div>
