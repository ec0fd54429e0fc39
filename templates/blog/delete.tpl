{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="{{HREF}}">Back to the post</a>
<h1 class="govuk-heading-l">Delete “{{TITLE}}”?</h1>
<p class="govuk-body">The post and its comments will be gone for good. Nobody will be able to read it, and its address will stop working.</p>
<form method="post" action="/blog/posts/{{ID}}/delete">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning">Delete the post</button>
<a class="govuk-link" href="{{HREF}}">Keep it</a>
</div>
</form>
</div>
</div>
