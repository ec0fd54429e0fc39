{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#comment">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
{{#MINE}}
<div class="govuk-inset-text">This is your page as the people you share it with see it. <a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}">Change it</a> or <a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}/sharing">choose who can see it</a>.</div>
{{/MINE}}
<span class="govuk-caption-l">A page by {{#OWNER_LINK}}<a class="govuk-link" href="/u/{{USERNAME:u}}">{{OWNER}}</a>{{/OWNER_LINK}}{{#OWNER_PLAIN}}{{OWNER}}{{/OWNER_PLAIN}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body-s tandem-muted">Last changed {{UPDATED}}</p>
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
{{#EMPTY}}<p class="govuk-body">There is nothing on this page yet.</p>{{/EMPTY}}
{{#BLOCKS}}{{BLOCKS_HTML:none}}{{/BLOCKS}}
{{#COMMENTS}}{{>COMMENT_LIST}}{{/COMMENTS}}
</div>
</div>
