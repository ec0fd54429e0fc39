{{%AUTOESCAPE context="HTML"}}
{{#NOTHING_YET}}<p class="govuk-body">You have not written anything yet. A learning log is a good place to say what you tried this week, what worked and what you would do differently.</p>{{/NOTHING_YET}}
{{#NONE}}<p class="govuk-body">There are no posts here that you can read.</p>{{/NONE}}
{{#NO_MATCHES}}<p class="govuk-body">No posts you can read match those words.</p>{{/NO_MATCHES}}
{{>POSTS}}
{{#PAGINATION}}
<nav class="govuk-pagination" aria-label="Pages of posts">
{{#PREVIOUS}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="prev"><span class="govuk-pagination__link-title">Newer<span class="govuk-visually-hidden"> posts</span></span></a></div>{{/PREVIOUS}}
<p class="govuk-body govuk-!-margin-bottom-0 tandem-pagination__where">Page {{PAGE}} of {{PAGES}}</p>
{{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="next"><span class="govuk-pagination__link-title">Older<span class="govuk-visually-hidden"> posts</span></span></a></div>{{/NEXT}}
</nav>
{{/PAGINATION}}
