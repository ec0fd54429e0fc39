{{%AUTOESCAPE context="HTML"}}
{{#MONTHS}}
<h2 class="govuk-heading-s">By month</h2>
<ul class="govuk-list">{{#MONTH}}<li><a class="govuk-link" href="{{HREF}}">{{NAME}}</a> ({{COUNT}})</li>{{/MONTH}}</ul>
{{/MONTHS}}
