{{%AUTOESCAPE context="HTML"}}
{{#TEXT}}<div class="tandem-richtext">{{TEXT_HTML:none}}</div>{{/TEXT}}
{{#EVIDENCE}}
<h{{LEVEL}} class="govuk-heading-s">{{#LINKED}}<a class="govuk-link" href="/portfolio/evidence/{{EVIDENCE_ID}}">{{EVIDENCE_TITLE}}</a>{{/LINKED}}{{#PLAIN}}{{EVIDENCE_TITLE}}{{/PLAIN}}</h{{LEVEL}}>
{{#BODY}}<div class="tandem-richtext">{{BODY_HTML:none}}</div>{{/BODY}}
{{#LINK}}<p class="govuk-body"><a class="govuk-link" href="{{URL}}" rel="noopener noreferrer nofollow">{{URL}}</a></p>{{/LINK}}
{{#FILE}}{{#IMAGE}}<p class="govuk-body"><img class="tandem-evidence-image" src="{{HREF}}" alt="{{EVIDENCE_TITLE}}"></p>{{/IMAGE}}<p class="govuk-body"><a class="govuk-link" href="{{HREF}}" download>Download {{FILENAME}}</a></p>{{/FILE}}
{{#REFLECTION}}<div class="tandem-richtext tandem-reflection"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reflection</p>{{REFLECTION_HTML:none}}</div>{{/REFLECTION}}
{{/EVIDENCE}}
