{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#title">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">{{#CREATING}}Create a page{{/CREATING}}{{#EDITING}}Change page{{/EDITING}}</h1>
{{#CREATING}}<p class="govuk-body">A page tells the story of some of your learning: you put your evidence on it, in the order you choose, with your own words around it.</p>{{/CREATING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="description">Description (optional)</label>
<div class="govuk-hint" id="description-hint">What this page is about. You can use Markdown.</div>
<textarea class="govuk-textarea" id="description" name="description" rows="4" aria-describedby="description-hint">{{DESCRIPTION:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save page</button>
</form>
</div>
</div>
