{{%AUTOESCAPE context="HTML"}}
<ol class="govuk-list" reversed>
{{#HISTORY}}<li>{{#VERSION}}Version {{NUMBER}}{{/VERSION}}{{#TEMPLATE}}Started from the course template “{{NAME}}”{{/TEMPLATE}}, by {{AUTHOR}}, {{WHEN}}. {{SIGNED}}{{#COMPARE}} <a class="govuk-link" href="/plans/{{ID}}/compare?from={{FROM}}&amp;to={{NUMBER}}">Compare with {{FROM_NAME}}</a>{{/COMPARE}}{{#HNOTE}}<br><span class="tandem-muted tandem-words">{{TEXT:pre_escape}}</span>{{/HNOTE}}</li>{{/HISTORY}}
</ol>
