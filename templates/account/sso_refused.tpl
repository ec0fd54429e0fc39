{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body">{{MESSAGE}}</p>
<ul class="govuk-list">
<li><a class="govuk-link" href="{{AGAIN}}">Start signing in again</a></li>
{{#PASSWORDS}}<li><a class="govuk-link" href="/login">Sign in with your Tandem username and password</a></li>{{/PASSWORDS}}
<li><a class="govuk-link" href="/">Go to the Tandem home page</a></li>
</ul>
</div>
</div>
