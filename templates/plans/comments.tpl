{{%AUTOESCAPE context="HTML"}}
<h2 class="govuk-heading-m" id="comments">Comments</h2>
{{#NO_COMMENTS}}<p class="govuk-body">No comments yet. A comment says something about the plan without proposing a new version.</p>{{/NO_COMMENTS}}
{{#COMMENT}}
<div class="tandem-comment">
<p class="govuk-body-s govuk-!-margin-bottom-1"><strong>{{AUTHOR}}</strong> ({{SIDE}}), {{WHEN}}, on version {{VERSION}}</p>
<p class="govuk-body tandem-words">{{BODY:pre_escape}}</p>
</div>
{{/COMMENT}}
