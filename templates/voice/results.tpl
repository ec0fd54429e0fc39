{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/voice/polls/{{ID}}">The poll</a>
<span class="govuk-caption-l">Results of a poll for {{AUDIENCE}}, {{STATE}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body">{{VOTED}}{{#ANONYMOUS}} The poll is anonymous: written answers are shown without names.{{/ANONYMOUS}}</p>
{{#COUNTED}}<p class="govuk-body">{{WORDS}}</p>{{/COUNTED}}
{{#WITHHELD}}<div class="govuk-inset-text">{{MESSAGE}}</div>{{/WITHHELD}}
{{#SHOWN}}
<div class="govuk-button-group">
<a class="govuk-button govuk-button--secondary" href="/voice/polls/{{ID}}/csv" download>Download the results (CSV)</a>
{{#MAY_RAISE}}<a class="govuk-button govuk-button--secondary" href="/voice/issues/new?poll={{ID}}">Raise an issue from these results</a>{{/MAY_RAISE}}
</div>
{{RESULTS_HTML:none}}
{{/SHOWN}}
