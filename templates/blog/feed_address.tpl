{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/u/{{USERNAME}}/blog">Back to the blog</a>
<h1 class="govuk-heading-l">Your private feed address</h1>
<p class="govuk-body">Copy this address into your feed reader. It shows the posts on this blog that you can read, as you would see them here.</p>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="address">Private feed address</label>
<input class="govuk-input" id="address" type="text" value="{{ADDRESS}}" readonly spellcheck="false">
</div>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Keep it to yourself: anyone with it can read what you can. It is shown only now. If you lose it, or someone else has it, get a new one: the old one stops working straight away.</strong>
</div>
</div>
</div>
