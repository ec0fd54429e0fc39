{{%AUTOESCAPE context="HTML"}}
{{#GOAL}}
<section class="tandem-goal" id="goal-{{KEY}}" aria-labelledby="goal-{{KEY}}-title">
<h2 class="govuk-heading-m govuk-!-margin-bottom-2" id="goal-{{KEY}}-title"><a class="govuk-link govuk-link--no-visited-state" href="/plans/{{ID}}/goals/{{KEY}}">Goal {{N}}: {{TITLE}}</a></h2>
<p class="govuk-body"><strong class="govuk-tag {{TAG}}">{{STATUS}}</strong>{{#TARGET}} Target date: {{DATE}}.{{/TARGET}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Past target date</strong>{{/OVERDUE}}</p>
{{#UPDATED}}<p class="govuk-body-s">Status set by {{BY}} on {{WHEN}}{{#NOTE}}: <span class="tandem-words">{{TEXT:pre_escape}}</span>{{/NOTE}}</p>{{/UPDATED}}
<h3 class="govuk-heading-s govuk-!-margin-bottom-1">Evidence</h3>
<!--hole {{KEY}}-->
</section>
{{/GOAL}}
