{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">{{CAPTION}}</span>
<h1 class="govuk-heading-l">{{QUESTION}}</h1>
<p class="govuk-body">{{CONSEQUENCE}}</p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning">{{BUTTON}}</button>
<a class="govuk-link" href="{{BACK}}">{{KEEP}}</a>
</div>
</form>
</div>
</div>
