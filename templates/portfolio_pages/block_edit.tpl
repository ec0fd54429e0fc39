{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#text">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<a class="govuk-back-link" href="/portfolio/pages/{{PAGE_ID}}#block-{{BLOCK_ID}}">{{TITLE}}</a>
<span class="govuk-caption-l">{{TITLE}}</span>
<h1 class="govuk-heading-l">Change a text</h1>
<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<label class="govuk-label govuk-label--s" for="text">Your words</label>
<div class="govuk-hint" id="text-hint">You can use Markdown.</div>
{{#ERROR}}<p id="text-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<textarea class="govuk-textarea{{#ERROR}} govuk-textarea--error{{/ERROR}}" id="text" name="text" rows="10" aria-describedby="text-hint{{#ERROR}} text-error{{/ERROR}}">{{TEXT:pre_escape}}</textarea>
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button">Save text</button>
<a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}#block-{{BLOCK_ID}}">Cancel</a>
</div>
</form>
</div>
</div>
