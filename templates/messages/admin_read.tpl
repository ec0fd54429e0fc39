{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/admin">Administration</a>
<span class="govuk-caption-l">Read for safeguarding; the members have been told</span>
<h1 class="govuk-heading-l">Thread between {{MEMBERS}}</h1>
{{MESSAGES_HTML:none}}
</div>
</div>
