package elastic

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"dxnews/internal/envvar"
)

// The variables ConfigFromEnv reads.
var (
	envURL = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_URL",
		Meaning: "Elasticsearch node URLs, comma-separated (http://es1:9200,http://es2:9200); required with -index elastic", Commands: envvar.Index})
	envUsername = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_USERNAME",
		Meaning: "Elasticsearch user for basic authentication (with DXNEWS_ES_PASSWORD)", Commands: envvar.Index})
	envPassword = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_PASSWORD",
		Meaning: "Elasticsearch password", Commands: envvar.Index})
	envAPIKey = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_API_KEY",
		Meaning: "Elasticsearch API key (base64 id:key), instead of a user", Commands: envvar.Index})
	envCACert = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_CA_CERT", DefaultDoc: "system roots",
		Meaning: "PEM file of the CA that signed the cluster's certificate", Commands: envvar.Index})
	envPrefix = envvar.Declare(envvar.Var{Name: "DXNEWS_ES_INDEX_PREFIX", Default: DefaultPrefix,
		Meaning: "prefix of the templates, indices and aliases (dxnews-articles, dxnews-entities)", Commands: envvar.Index})
)

// DefaultPrefix starts the index names when Config.Prefix is empty.
const DefaultPrefix = "dxnews"

// ConfigFromEnv reads the DXNEWS_ES_* variables: DXNEWS_ES_URL (required),
// the credentials, the CA certificate file and the index prefix.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	urls := envURL.Get(getenv)
	if strings.TrimSpace(urls) == "" {
		return Config{}, errors.New("DXNEWS_ES_URL is not set: -index elastic needs the cluster's address, e.g. http://127.0.0.1:9200")
	}
	cfg := Config{
		Username: envUsername.Get(getenv),
		Password: envPassword.Get(getenv),
		APIKey:   envAPIKey.Get(getenv),
		Prefix:   envPrefix.Get(getenv),
	}
	for _, u := range strings.Split(urls, ",") {
		if u = strings.TrimSpace(u); u != "" {
			cfg.Addresses = append(cfg.Addresses, u)
		}
	}
	if p := envCACert.Get(getenv); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return cfg, fmt.Errorf("DXNEWS_ES_CA_CERT: %w", err)
		}
		cfg.CACert = b
	}
	return cfg, nil
}
