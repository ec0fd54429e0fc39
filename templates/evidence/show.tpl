{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<a class="govuk-back-link" href="/portfolio">Your portfolio</a>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
{{#DATE}}<p class="govuk-body tandem-muted">{{DATE}}</p>{{/DATE}}
{{#BODY}}<div class="tandem-richtext">{{BODY_HTML:none}}</div>{{/BODY}}
{{#LINK}}<p class="govuk-body"><a class="govuk-link" href="{{URL}}" rel="noopener noreferrer nofollow">{{URL}}</a></p>{{/LINK}}
{{#FILE}}
{{#IMAGE}}<p class="govuk-body"><img class="tandem-evidence-image" src="{{SRC}}" alt="{{FILENAME}}"></p>{{/IMAGE}}
<p class="govuk-body"><a class="govuk-link" href="{{HREF}}" download>Download {{FILENAME}}</a> ({{TYPE}}, {{SIZE}})</p>
{{/FILE}}
{{#REFLECTION}}
<h2 class="govuk-heading-m">Reflection</h2>
<div class="tandem-richtext">{{REFLECTION_HTML:none}}</div>
{{/REFLECTION}}
{{#TAGS}}<p class="govuk-body">Tags: {{TAGS}}</p>{{/TAGS}}
<p class="govuk-body-s tandem-muted">Last changed {{UPDATED}}</p>
<div class="govuk-button-group">
<a class="govuk-button govuk-button--secondary" href="/portfolio/evidence/{{ID}}/edit">Change</a>
<a class="govuk-button govuk-button--warning" href="/portfolio/evidence/{{ID}}/delete">Delete</a>
</div>
</div>
</div>
