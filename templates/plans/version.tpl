{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
<h3 class="govuk-heading-s">In the learner's words</h3>
<p class="govuk-body tandem-words">{{LEARNER_ACCOUNT:pre_escape}}</p>
</div>
<div class="govuk-grid-column-one-half">
<h3 class="govuk-heading-s">The tutor's view</h3>
<p class="govuk-body tandem-words">{{TUTOR_ACCOUNT:pre_escape}}</p>
</div>
</div>
<h3 class="govuk-heading-s">Goals</h3>
{{#NO_GOALS}}<p class="govuk-body">No goals yet.</p>{{/NO_GOALS}}
{{#GOAL}}
<div class="tandem-goal">
<h4 class="govuk-heading-s govuk-!-margin-bottom-2">Goal {{N}}: {{TITLE}}</h4>
<dl class="tandem-facts">
<dt>Success looks like</dt><dd class="tandem-words">{{CRITERIA:pre_escape}}</dd>
<dt>By</dt><dd>{{TARGET}}</dd>
<dt>Activities</dt><dd class="tandem-words">{{ACTIVITIES:pre_escape}}</dd>
<dt>Assessed by</dt><dd class="tandem-words">{{ASSESSMENT:pre_escape}}</dd>
</dl>
</div>
{{/GOAL}}
<h3 class="govuk-heading-s">Support agreed</h3>
<p class="govuk-body tandem-words">{{SUPPORT:pre_escape}}</p>
