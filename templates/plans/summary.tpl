{{%AUTOESCAPE context="HTML"}}
{{#PROGRESS}}
<div class="tandem-summary-box">
<h2 class="govuk-heading-m" id="progress">Progress</h2>
<ul class="govuk-list">
<li>{{ACHIEVED}} of {{GOALS}} goals achieved.{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{N}} past target date</strong>{{/OVERDUE}}</li>
{{#NEXT_REVIEW}}<li>Next review: {{DATE}}.{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}</li>{{/NEXT_REVIEW}}
{{#TO_SIGN}}<li><strong>Review records waiting for your signature: {{N}}.</strong></li>{{/TO_SIGN}}
</ul>
<a class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" href="/plans/{{ID}}/progress">Goals, evidence and reviews</a>
</div>
{{/PROGRESS}}
