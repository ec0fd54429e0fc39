{{%AUTOESCAPE context="HTML"}}
{{#POST}}
<article class="tandem-post">
<h{{LEVEL}} class="govuk-heading-m govuk-!-margin-bottom-1"><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a></h{{LEVEL}}>
<p class="govuk-body-s tandem-muted govuk-!-margin-bottom-2">{{#BY}}{{NAME}}, {{/BY}}{{DATE}}{{#STATE}}{{#DRAFT}} <strong class="govuk-tag govuk-tag--grey">Draft</strong>{{/DRAFT}}{{#SCHEDULED}} <strong class="govuk-tag govuk-tag--blue">Scheduled</strong>{{/SCHEDULED}} <span class="govuk-tag govuk-tag--turquoise">{{AUDIENCE}}</span>{{/STATE}}</p>
{{#SNIPPET}}<p class="govuk-body">…{{#PART}}{{#HIT}}<mark>{{TEXT}}</mark>{{/HIT}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/PART}}…</p>{{/SNIPPET}}
{{#BODY}}<div class="tandem-richtext">{{BODY_HTML:none}}</div>{{/BODY}}
{{#EXCERPT}}<p class="govuk-body">{{TEXT}}</p>{{/EXCERPT}}
{{#TAGS}}<p class="govuk-body-s">Tags: {{#TAG}}<a class="govuk-link" href="{{HREF}}">{{NAME}}</a>{{#TAG_separator}}, {{/TAG_separator}}{{/TAG}}</p>{{/TAGS}}
</article>
{{/POST}}
