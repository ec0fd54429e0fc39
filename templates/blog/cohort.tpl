{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">{{CODE}}</span>
<h1 class="govuk-heading-l">What {{NAME}} is writing</h1>
<p class="govuk-body">The newest posts people in this group share with it. <a class="govuk-link" href="/blog/new">Write a post</a> and choose “People in my groups” to add yours.</p>
{{LIST_HTML:none}}
</div>
</div>
