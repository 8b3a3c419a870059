// Swagger UI for the API documentation page: reads the OpenAPI document named on the page.
document.addEventListener("DOMContentLoaded", function () {
  var node = document.getElementById("swagger-ui");
  if (!node || typeof SwaggerUIBundle === "undefined") return;
  SwaggerUIBundle({ url: node.dataset.url, domNode: node, deepLinking: true, tryItOutEnabled: false });
});
