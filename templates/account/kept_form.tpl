{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Send what you wrote?</h1>
<p class="govuk-body">You were signed out before it arrived, so nothing was saved yet. Here is what you wrote. Send it now, as it would have gone, or leave this page to throw it away.</p>
{{#HAD_FILE}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The file you chose was not kept. Send this, then add the file again.</strong></div>{{/HAD_FILE}}
<dl class="tandem-facts govuk-!-margin-bottom-6">
{{#SHOWN}}<dt>{{HEADING}}</dt><dd class="tandem-words">{{TEXT:pre_escape}}</dd>
{{/SHOWN}}
</dl>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#FIELD}}<textarea name="{{NAME}}" hidden>
{{VALUE:pre_escape}}</textarea>
{{/FIELD}}
<div class="govuk-button-group">
<button type="submit" class="govuk-button">Send it now</button>
<a class="govuk-link" href="/">Throw it away</a>
</div>
</form>
</div>
</div>
