{{%AUTOESCAPE context="HTML"}}
<ol class="tandem-messages">
{{#MESSAGE}}<li class="tandem-message" id="m{{ID}}">
<p class="govuk-body-s govuk-!-margin-bottom-1"><strong>{{AUTHOR}}</strong> <span class="tandem-muted">{{WHEN}}</span></p>
<div class="tandem-message__body">{{HTML:none}}</div>
{{#LINK}}<p class="govuk-body-s">About: <a class="govuk-link" href="{{PATH}}">{{TITLE}}</a></p>{{/LINK}}
</li>
{{/MESSAGE}}
</ol>
