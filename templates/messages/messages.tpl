{{%AUTOESCAPE context="HTML"}}
<ol class="tandem-messages">
{{#MESSAGE}}<li id="m{{ID}}"><p><b>{{AUTHOR}}</b> {{WHEN}}</p>{{BODY_HTML:none}}{{#LINK}}<p class="tandem-by">About: <a class="govuk-link" href="{{PATH}}">{{TITLE}}</a></p>{{/LINK}}</li>
{{/MESSAGE}}
</ol>
