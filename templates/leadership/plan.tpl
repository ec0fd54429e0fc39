{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/leadership">Leadership plans</a>
<span class="govuk-caption-l">Personalised Leadership Plan, {{YEAR}}</span>
<h1 class="govuk-heading-l">{{OWNER}}</h1>
<p class="govuk-body">{{#DEPARTMENT}}{{NAME}}. {{/DEPARTMENT}}{{#MANAGER}}Line manager: {{NAME}}.{{/MANAGER}}
{{#OWNER_VIEW}} Only you, your line manager and the people you choose read this plan. <a class="govuk-link" href="/leadership/plans/{{ID}}/sharing">Who reads it</a>{{/OWNER_VIEW}}
{{#MANAGER_VIEW}} You read this plan as {{OWNER}}'s line manager.{{/MANAGER_VIEW}}
{{#READER_VIEW}} {{OWNER}} shared this plan with you to read.{{/READER_VIEW}}</p>
{{#KEPT}}<div class="govuk-inset-text">This plan's year has ended: it is kept as it was.</div>{{/KEPT}}
{{#ASPIRATION}}<div class="govuk-inset-text"><p class="govuk-body"><strong>Aspiration for the year:</strong> <span class="tandem-words">{{TEXT:pre_escape}}</span></p></div>{{/ASPIRATION}}
{{BODY_HTML:none}}
