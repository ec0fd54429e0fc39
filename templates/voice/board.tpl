{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/voice">Student voice</a>
<span class="govuk-caption-l">You said, we did</span>
<h1 class="govuk-heading-l">{{NAME}}</h1>
<p class="govuk-body">What your representatives raised with the college, and what the college answered.</p>
{{#NONE}}<p class="govuk-body">Nothing has been raised yet.</p>{{/NONE}}
{{#ISSUE}}
<div class="govuk-summary-card">
<div class="govuk-summary-card__title-wrapper">
<h2 class="govuk-summary-card__title"><a class="govuk-link" href="/voice/issues/{{ID}}">{{TITLE}}</a></h2>
<div class="govuk-summary-card__actions"><strong class="govuk-tag govuk-tag--{{COLOUR}}">{{STATUS}}</strong>{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/OVERDUE}}</div>
</div>
<div class="govuk-summary-card__content">
<dl class="tandem-facts">
<dt>Responsible</dt><dd>{{RESPONSIBLE}}</dd>
<dt>Answer due by</dt><dd>{{DUE}}</dd>
</dl>
{{#LATEST}}<h3 class="govuk-heading-s govuk-!-margin-top-4">We did</h3><div class="tandem-richtext">{{RESPONSE_HTML:none}}</div>{{/LATEST}}
</div>
</div>
{{/ISSUE}}
