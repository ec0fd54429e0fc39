{{%AUTOESCAPE context="HTML"}}
<ol class="govuk-list" reversed>
{{#HISTORY}}<li>Version {{NUMBER}}, by {{AUTHOR}}, {{WHEN}}. {{SIGNED}}{{#COMPARE}} <a class="govuk-link" href="/plans/{{ID}}/compare?from={{FROM}}&amp;to={{NUMBER}}">Compare with version {{FROM}}</a>{{/COMPARE}}{{#HNOTE}}<br><span class="tandem-muted tandem-words">{{TEXT}}</span>{{/HNOTE}}</li>{{/HISTORY}}
</ol>
